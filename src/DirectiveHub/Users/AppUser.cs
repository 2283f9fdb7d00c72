using DirectiveHub.Organizations;
using Microsoft.AspNetCore.Identity;

namespace DirectiveHub.Users;

/// <summary>A person who signs in. Every user belongs to exactly one organization, which bounds what they see.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string FullName { get; set; } = string.Empty;

    public Guid OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public bool IsDeactivated { get; set; }

    /// <summary>SHA-256 of the secret in the user's calendar feed address; null when no feed is issued (revoked).</summary>
    public string? CalendarTokenHash { get; set; }

    /// <summary>The 30-second step of the last authenticator code accepted, so no code is accepted twice.</summary>
    public long? LastAuthenticatorStep { get; set; }
}
