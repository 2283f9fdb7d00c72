namespace DirectiveHub.Directives;

/// <summary>Độ mật.</summary>
public enum Confidentiality
{
    None = 0,
    Mat = 1,
    ToiMat = 2,
    TuyetMat = 3,
}
