using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace DirectiveHub.Users;

/// <summary>Identity's messages in Vietnamese: they reach people on the set-password page, the users page and the CLI.</summary>
public sealed class VietnameseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Đã xảy ra lỗi không xác định.");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Tài khoản vừa được người khác thay đổi; vui lòng tải lại và thử lại.");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Mật khẩu không đúng.");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Liên kết hoặc mã không hợp lệ hoặc đã hết hạn.");

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "Mã khôi phục không đúng hoặc đã được dùng.");

    public override IdentityError LoginAlreadyAssociated() => Error(nameof(LoginAlreadyAssociated), "Tài khoản đăng nhập này đã được gắn với người dùng khác.");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"Tên đăng nhập '{userName}' không hợp lệ.");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"Thư điện tử '{email}' không hợp lệ.");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"Tên đăng nhập '{userName}' đã được dùng.");

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"Thư điện tử '{email}' đã có tài khoản.");

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), $"Vai trò '{role}' không hợp lệ.");

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"Vai trò '{role}' đã tồn tại.");

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "Tài khoản đã có mật khẩu.");

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "Tài khoản này không thể bị khóa.");

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), $"Người dùng đã có vai trò '{role}'.");

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), $"Người dùng không có vai trò '{role}'.");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), string.Create(CultureInfo.InvariantCulture, $"Mật khẩu phải có ít nhất {length} ký tự."));

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), string.Create(CultureInfo.InvariantCulture, $"Mật khẩu phải có ít nhất {uniqueChars} ký tự khác nhau."));

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Mật khẩu phải có ít nhất một ký tự đặc biệt.");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Mật khẩu phải có ít nhất một chữ số.");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Mật khẩu phải có ít nhất một chữ thường.");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Mật khẩu phải có ít nhất một chữ hoa.");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
