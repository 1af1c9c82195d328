using System.ComponentModel.DataAnnotations;

namespace HoldingToAccount.Core;

/// <summary>Checks an input record against its DataAnnotations, the same rules its form shows.</summary>
public static class InputValidation
{
    /// <summary>The input, when it keeps every rule; otherwise a <see cref="DomainException"/> saying the first rule it breaks.</summary>
    public static T Checked<T>(T input)
        where T : notnull
    {
        var broken = new List<ValidationResult>();
        if (!Validator.TryValidateObject(input, new ValidationContext(input), broken, validateAllProperties: true))
            throw new DomainException(broken[0].ErrorMessage ?? "The input breaks a rule.");
        return input;
    }
}
