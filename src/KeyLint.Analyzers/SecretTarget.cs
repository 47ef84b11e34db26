namespace KeyLint.Analyzers;

/// <summary>Where a string value is bound: the target's name, the type around it, and whether C# needs a constant there.</summary>
internal readonly struct SecretTarget
{
    public SecretTarget(string? name, string? typeName, string? constantReason)
    {
        Name = name;
        TypeName = typeName;
        ConstantReason = constantReason;
    }

    /// <summary>A variable, property, parameter, dictionary key or header name; null when the value is unnamed.</summary>
    public string? Name { get; }

    /// <summary>The type being created or the type the value sits in, which often names the provider.</summary>
    public string? TypeName { get; }

    /// <summary>Why no fix can be offered (the position requires a constant), or null when a fix can be.</summary>
    public string? ConstantReason { get; }
}
