using System.Security.Cryptography;
using System.Text;

namespace TradingBot.Exchanges;

/// <summary>Signs Kraken private REST calls: HMAC-SHA512 keyed with the base64-decoded private key.</summary>
public sealed class KrakenFundingClient
{
    private const string KrakenPrivateKey =
        "6L3dJlqIRnb0srV3+WTOu2jetqiD0VqrC+XG31ARVcDEyOwVZ2faDvKKxsJZksJ4sZaIBsxf1l/PReUKM+g9wQ==";

    private readonly string _marginApiSecret = "XoiaSXedCpoEPrNFk7Xa7Vo0wlGv1lpR81hcRLgw5QON7RiOdEt2V1LPJLGpbr0o";

    public string Sign(string path, long nonce, string postData)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(nonce + postData));
        var message = Encoding.UTF8.GetBytes(path).Concat(digest).ToArray();
        using var hmac = new HMACSHA512(Convert.FromBase64String(KrakenPrivateKey));
        return Convert.ToBase64String(hmac.ComputeHash(message));
    }

    public string DescribeMarginAccount() => $"margin secret of {_marginApiSecret.Length} characters";
}
