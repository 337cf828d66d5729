namespace AleppoDashboard.Data.Facts;

/// <summary>
/// The scopes a control claim can have, as stored: <see cref="East"/>, <see cref="City"/> or <c>place:&lt;id&gt;</c>
/// (<see cref="Place"/>). The scope stays a string column because the filter's SQL compares and groups by it.
/// </summary>
public static class ClaimScopes
{
    public const string East = "east";
    public const string City = "city";
    public const string PlacePrefix = "place:";

    public static string Place(string placeId) => PlacePrefix + placeId;

    /// <summary>The place id of a <c>place:&lt;id&gt;</c> scope, or null for east and city.</summary>
    public static string? PlaceIdOf(string scope) => scope.StartsWith(PlacePrefix, StringComparison.Ordinal) ? scope[PlacePrefix.Length..] : null;
}
