namespace AleppoDashboard.Ingest.Extraction;

/// <summary>
/// What a share is a share of, as read after its "of": where the object ends (token index), the place it names (a
/// <c>place:&lt;id&gt;</c> scope), whether it points back to a place named before ("this district"), and whether it is
/// ground its subject holds ("their territory", "the area it controlled"): said of the rebels, that is east Aleppo.
/// </summary>
readonly record struct ClaimObject(int End, string? PlaceScope, bool PointsBack, bool HeldBySubject);
