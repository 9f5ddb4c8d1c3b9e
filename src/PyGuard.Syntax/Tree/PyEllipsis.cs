namespace PyGuard.Syntax.Tree;

/// <summary>
/// The value of the <c>...</c> constant. <see cref="ExprConstant.Value"/> holds one of: <c>null</c>
/// (None), <see cref="bool"/>, <see cref="System.Numerics.BigInteger"/> (every int), <see cref="double"/>,
/// <see cref="System.Numerics.Complex"/> (imaginary literals), <see cref="string"/>,
/// <see cref="System.Collections.Immutable.ImmutableArray{T}"/> of <see cref="byte"/> (bytes), or this.
/// </summary>
public sealed class PyEllipsis
{
    public static readonly PyEllipsis Instance = new();

    private PyEllipsis()
    {
    }

    public override string ToString() => "Ellipsis";
}
