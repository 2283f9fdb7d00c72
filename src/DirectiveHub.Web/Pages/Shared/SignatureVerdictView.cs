using DirectiveHub.Signing;

namespace DirectiveHub.Web.Pages.Shared;

/// <summary>How a signature verdict looks, beside a file and on the check page: one colour per verdict.</summary>
public static class SignatureVerdictView
{
    public static string Tone(SignatureVerdict verdict) => verdict switch
    {
        SignatureVerdict.Valid => "text-success",
        SignatureVerdict.Changed or SignatureVerdict.Expired => "text-danger",
        SignatureVerdict.None => "text-body-secondary",
        _ => "text-warning-emphasis",
    };

    /// <summary>The check page's heading word for one signature.</summary>
    public static string Heading(SignatureVerdict verdict) => verdict switch
    {
        SignatureVerdict.Valid => "hợp lệ",
        SignatureVerdict.Changed => "không hợp lệ: văn bản đã bị thay đổi sau khi ký",
        SignatureVerdict.Expired => "không hợp lệ: chứng thư số hết hạn hoặc chưa có hiệu lực khi ký",
        _ => "chưa xác nhận được: tổ chức cấp chứng thư chưa được tin cậy",
    };
}
