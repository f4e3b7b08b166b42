namespace CallCenter.Data;

public static class PhoneNumbers
{
    /// <summary>Digits only, so "+998 (90) 123-45-67" and "998901234567" match.</summary>
    public static string? Normalize(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        var digits = new string([.. number.Where(char.IsAsciiDigit)]);
        return digits.Length == 0 ? null : digits;
    }
}
