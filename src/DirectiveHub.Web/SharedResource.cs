namespace DirectiveHub.Web;

/// <summary>Marker for the shared UI strings in Resources/SharedResource.resx (Vietnamese, the default culture).</summary>
public sealed class SharedResource
{
}
