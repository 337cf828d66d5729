namespace AleppoDashboard.Web.Interactive;

/// <summary>The origins switch's two addresses and which is current, as plain values that cross into the circuit.</summary>
public sealed record OriginsToggleState(string EveryCopyHref, string OriginsHref, bool On);
