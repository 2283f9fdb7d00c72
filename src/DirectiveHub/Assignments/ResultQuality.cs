namespace DirectiveHub.Assignments;

/// <summary>The issuer's grade of an accepted result (chất lượng kết quả).</summary>
public enum ResultQuality
{
    /// <summary>Không đạt.</summary>
    KhongDat,

    /// <summary>Đạt.</summary>
    Dat,

    /// <summary>Đạt tốt.</summary>
    DatTot,

    /// <summary>Xuất sắc.</summary>
    XuatSac,
}
