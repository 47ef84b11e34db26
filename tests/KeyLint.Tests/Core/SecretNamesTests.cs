using KeyLint.Core.Names;
using Xunit;

namespace KeyLint.Tests.Core;

public class SecretNamesTests
{
    [Theory]
    [InlineData("apiSecret")]
    [InlineData("ApiKey")]
    [InlineData("api_key")]
    [InlineData("BINANCE_API_SECRET")]
    [InlineData("Binance:ApiSecret")]
    [InlineData("binance-api-secret")]
    [InlineData("X-MBX-APIKEY")]
    [InlineData("x-mbx-apikey")]
    [InlineData("OK-ACCESS-KEY")]
    [InlineData("KC-API-KEY")]
    [InlineData("authToken")]
    [InlineData("clientSecret")]
    [InlineData("privateKey")]
    [InlineData("signingKey")]
    [InlineData("Credentials")]
    [InlineData("orderApiKey")]
    [InlineData("streamKey")]
    [InlineData("serviceAccountKey")]
    [InlineData("hmacMd5Key")]
    [InlineData("HMAC_MD5_SECRET")]
    [InlineData("RecaptchaSecretKey")]
    [InlineData("hotKeySecret")]
    [InlineData("walletHotKey")]
    [InlineData("siteKeySecret")]
    public void SecretWordsClassifyAsSecret(string name)
    {
        Assert.Equal(SecretNameKind.Secret, SecretNames.Classify(name));
    }

    [Theory]
    [InlineData("password")]
    [InlineData("DbPassword")]
    [InlineData("DB_PWD")]
    [InlineData("apiPassphrase")]
    [InlineData("KC-API-PASSPHRASE")]
    [InlineData("OK-ACCESS-PASSPHRASE")]
    [InlineData("pass_phrase")]
    [InlineData("pass")]
    [InlineData("redisPassword")]
    public void PasswordWordsClassifyAsPassword(string name)
    {
        Assert.Equal(SecretNameKind.Password, SecretNames.Classify(name));
    }

    [Theory]
    [InlineData("keyboardLayout")]
    [InlineData("monkeyTestSeed")]
    [InlineData("secretary")]
    [InlineData("bypass")]
    [InlineData("passThrough")]
    [InlineData("symbolList")]
    public void NamesWithoutSecretWordsClassifyAsNone(string name)
    {
        Assert.Equal(SecretNameKind.None, SecretNames.Classify(name));
    }

    [Theory]
    [InlineData("PublicKeyToken")]
    [InlineData("InstrumentationKey")]
    [InlineData("passwordHint")]
    [InlineData("TokenizationId")]
    [InlineData("apiKeyName")]
    [InlineData("apiKeyId")]
    [InlineData("secretHash")]
    [InlineData("cacheKey")]
    [InlineData("publicKey")]
    [InlineData("tokenExpiry")]
    [InlineData("passwordLength")]
    [InlineData("BINANCE_API_KEY_HEADER")]
    [InlineData("usdtTokenAddress")]
    [InlineData("tokenContract")]
    [InlineData("tokenMint")]
    [InlineData("tokenAccount")]
    [InlineData("UsdtTokenAddress")]
    [InlineData("redisKey")]
    [InlineData("orderKey")]
    [InlineData("ORDER_KEYS")]
    [InlineData("topic_key")]
    [InlineData("apiKeyMd5")]
    [InlineData("SECRET_MD5")]
    [InlineData("tokenSha256")]
    [InlineData("Recaptcha:SiteKey")]
    [InlineData("RECAPTCHA_SITE_KEY")]
    [InlineData("SiteKey")]
    [InlineData("StripePublishableKey")]
    public void NamesAboutSecretsClassifyAsNotSecret(string name)
    {
        Assert.Equal(SecretNameKind.NotSecret, SecretNames.Classify(name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void MissingNameClassifiesAsNone(string? name)
    {
        Assert.Equal(SecretNameKind.None, SecretNames.Classify(name));
    }
}
