// Starts Blazor (blazor.web.js is loaded with autostart="false"). Links and forms stay full page loads (the body
// carries data-enhance-nav="false", and no form opts into enhanced handling): the pages are plain server-rendered
// documents whose scripts (map, chart) run once per load. Enhanced navigation is on only for what an interactive
// component asks of NavigationManager (the time slider, the compare matrix, the chart, the origins switch): the page
// is fetched and patched in place, so the component keeps its state and keyboard focus, the address changes with
// history.pushState, and Back and Forward (popstate) patch the page back the same way.
window.Blazor.start();
