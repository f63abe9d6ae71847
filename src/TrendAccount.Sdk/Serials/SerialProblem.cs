namespace TrendAccount.Sdk;

/// <summary>Why a serial number is not well formed. Values are stable and never renumbered.</summary>
public enum SerialProblem
{
    /// <summary>The serial is well formed.</summary>
    None = 0,

    /// <summary>Nothing was typed.</summary>
    Empty = 1,

    /// <summary>Not 20 letters and digits.</summary>
    WrongLength = 2,

    /// <summary>Characters other than letters, digits, hyphens and spaces.</summary>
    InvalidCharacters = 3,

    /// <summary>Hyphens or spaces in places that do not separate groups of four.</summary>
    MisplacedSeparators = 4,
}
