namespace Jiaowang.Web.Features.Accounts;

/// <summary>Marker for account administration's strings: AccountsText.resx (Chinese, neutral) and AccountsText.en.resx.</summary>
public sealed class AccountsText;
