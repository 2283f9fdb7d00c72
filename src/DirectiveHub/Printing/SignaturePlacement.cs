using PdfSharp.Drawing;

namespace DirectiveHub.Printing;

/// <summary>Where the signing mark goes: beside the signer's block, in the space left for the signature.</summary>
public sealed record SignaturePlacement(int PageIndex, XRect Area);
