// Starts Blazor and gives the reconnect banner its behaviour. It is a file because the app's policy runs no inline script
// (script-src 'self'): an onclick in the markup would be blocked, and its button would do nothing.
(() => {
    // While the server is away, try again every few seconds (never minutes apart), for about five minutes.
    Blazor.start({
        circuit: {
            reconnectionOptions: {
                maxRetries: 100,
                retryIntervalMilliseconds: previousAttempts => Math.min(3000, 500 * (previousAttempts + 1)),
            },
        },
    });

    // The error bar's "Reload" reloads this address, not the start page its empty link would lead to.
    document.querySelector("#blazor-error-ui .reload")?.addEventListener("click", event => {
        event.preventDefault();
        location.reload();
    });

    const banner = document.getElementById("components-reconnect-modal");
    if (!banner) return;

    // Nothing on the page can be pressed or typed into while it has no connection: a press would be lost.
    const disconnected = on => {
        document.body.classList.toggle("clinic-disconnected", on);
        for (const part of document.querySelectorAll("main, .mud-appbar, .mud-drawer"))
            part.toggleAttribute("inert", on);
    };

    banner.addEventListener("components-reconnect-state-changed", event => {
        disconnected(event.detail.state !== "hide");
    });

    // Reloads this very address (its query too), which opens the page afresh on the server that is back.
    for (const reload of banner.querySelectorAll("[data-reconnect='reload']"))
        reload.addEventListener("click", () => location.reload());

    for (const retry of banner.querySelectorAll("[data-reconnect='retry']"))
        retry.addEventListener("click", async () => {
            try {
                if (!(await Blazor.reconnect()))
                    location.reload(); // the server is back but no longer knows this page: open it afresh
            } catch {
                // still away: the banner keeps saying so
            }
        });
})();
