namespace DirectiveHub.Registers;

/// <summary>The three registers an office keeps (Nghị định 30/2020, Phụ lục IV, applied by analogy).</summary>
public enum RegisterKind
{
    /// <summary>Sổ đăng ký văn bản đi.</summary>
    Outgoing,

    /// <summary>Sổ đăng ký văn bản đến.</summary>
    Incoming,

    /// <summary>Sổ theo dõi giải quyết văn bản đến.</summary>
    FollowUp,
}
