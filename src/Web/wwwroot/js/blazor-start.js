// Starts Blazor (blazor.web.js is loaded with autostart="false"). Enhanced navigation and form handling are off:
// the pages are plain server-rendered documents whose scripts (map, chart) run once per load, so every link and
// every filter change is a full page load, and Back and Forward are the browser's own.
window.Blazor.start({ ssr: { disableDomPreservation: true } });
