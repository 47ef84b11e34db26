using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Xunit;

namespace KeyLint.Tests.Hardening.Support;

/// <summary>Checks that no diagnostic text carries a whole secret.</summary>
internal static class SecretAssert
{
    /// <summary>Fails when a message or a property value of a diagnostic contains one of the planted fake keys.</summary>
    public static void NoPlantedSecret(IEnumerable<Diagnostic> diagnostics, string inputName)
    {
        NoSecret(diagnostics, CodeGenerators.PlantedSecrets, inputName);
    }

    public static void NoSecret(IEnumerable<Diagnostic> diagnostics, IEnumerable<string> secrets, string inputName)
    {
        foreach (var diagnostic in diagnostics)
        {
            var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var secret in secrets)
            {
                Assert.False(
                    message.Contains(secret),
                    $"{inputName}: the message of {diagnostic.Id} at {diagnostic.Location.GetLineSpan()} shows a whole secret.");
                foreach (var property in diagnostic.Properties)
                {
                    Assert.False(
                        property.Value?.Contains(secret) == true,
                        $"{inputName}: property '{property.Key}' of {diagnostic.Id} at {diagnostic.Location.GetLineSpan()} " +
                        "holds a whole secret.");
                }
            }
        }
    }
}
