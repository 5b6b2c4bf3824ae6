// Starts Blazor and gives the reconnect banner its behaviour. It is a file because the app's policy runs no inline script
// (script-src 'self'): an onclick in the markup would be blocked, and its button would do nothing.
(() => {
    // The page's connection opens straight on a WebSocket, without SignalR's negotiation first: one round trip less
    // before the page works (150 ms and more on a phone). Where a WebSocket cannot open at all (an old proxy in the
    // way), the page notes it for this tab and loads again with negotiation, which falls back to other transports.
    const negotiated = "clinic-negotiate";
    const direct = sessionStorage.getItem(negotiated) === null && typeof WebSocket === "function";
    let opened = false;
    class FirstSocket extends WebSocket {
        constructor(...args) {
            super(...args);
            this.addEventListener("open", () => opened = true);
            this.addEventListener("close", () => {
                if (opened) return; // a connection that worked and dropped: the reconnection below takes it from here
                sessionStorage.setItem(negotiated, "1");
                location.reload();
            });
        }
    }

    // While the server is away, try again every few seconds (never minutes apart), for about five minutes.
    Blazor.start({
        circuit: {
            reconnectionOptions: {
                maxRetries: 100,
                retryIntervalMilliseconds: previousAttempts => Math.min(3000, 500 * (previousAttempts + 1)),
            },
            // The app and its packages have no JavaScript initializers (HealthTests checks _blazor/initializers answers
            // []): saying so here spares the page the request for that list, another round trip before it works.
            initializers: { beforeStart: [], afterStarted: [] },
            configureSignalR: builder => {
                if (direct)
                    builder.withUrl("_blazor", { skipNegotiation: true, transport: 1 /* WebSockets */, WebSocket: FirstSocket });
            },
        },
    });

    // Until the page works (its circuit has drawn it: the layout's circuit-live marker), a link is followed by the browser
    // as a plain link. Blazor's router would take the click, change the address and wait for a circuit still starting:
    // the page stayed as it was, under the new address. Links on pages with no circuit (the account pages) load alike.
    window.addEventListener("click", event => {
        if (document.querySelector("[data-testid=circuit-live]")) return;
        const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
        if (!link || link.target || link.hasAttribute("download") || event.defaultPrevented
            || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
        if (new URL(link.href, document.baseURI).origin !== location.origin) return;
        event.stopImmediatePropagation(); // Blazor never sees it; the browser loads the address
    }, true);

    // A menu that submits its form as soon as something is chosen (the language menu); its button does for the keyboard.
    document.addEventListener("change", event => {
        const select = event.target instanceof HTMLSelectElement && event.target.matches("[data-submit-on-change]") ? event.target : null;
        select?.form?.submit();
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

// An outcome notice (a snackbar) never covers a control: its container goes to the first of a few places where it covers
// none (at the bottom in the middle as a rule; then the bottom corners; under the app bar; the foot of the open navigation
// drawer, narrowed to it), checked again as the page changes, scrolls or resizes while a notice shows. Where no place is
// clear (a phone's screen full of times, say), the page makes room: while the notice shows, the page scrolls inside the
// space above it and the notice stands in a strip of its own at the foot of the screen.
(() => {
    const places = [
        { top: "auto", bottom: "24px", left: "50%", right: "auto", transform: "translateX(-50%)" },
        { top: "auto", bottom: "24px", left: "auto", right: "24px", transform: "none" },
        { top: "auto", bottom: "24px", left: "24px", right: "auto", transform: "none" },
        { top: "64px", bottom: "auto", left: "50%", right: "auto", transform: "translateX(-50%)" },
        { top: "64px", bottom: "auto", left: "auto", right: "24px", transform: "none" },
        { top: "auto", bottom: "8px", left: "8px", right: "auto", transform: "none", inDrawer: true },
    ];
    const unplaced = { top: "", bottom: "", left: "", right: "", transform: "", marginLeft: "" };
    const controls = "button, a[href], input, select, textarea, [role='button'], [role='combobox'], [role='tab'], [role='switch'], [tabindex='0']";
    const strip = "clinic-notice-strip";

    const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

    // The part of an element a person can see: its box cut to the screen and to every ancestor that clips what overflows it.
    const visibleBox = element => {
        const r = element.getBoundingClientRect();
        let box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        const cut = c => box = { left: Math.max(box.left, c.left), top: Math.max(box.top, c.top), right: Math.min(box.right, c.right), bottom: Math.min(box.bottom, c.bottom) };
        cut({ left: 0, top: 0, right: innerWidth, bottom: innerHeight });
        for (let a = element.parentElement; a && a !== document.body; a = a.parentElement) {
            const style = getComputedStyle(a);
            if (style.overflowX !== "visible" || style.overflowY !== "visible") cut(a.getBoundingClientRect());
        }
        return box.right > box.left && box.bottom > box.top ? box : null;
    };

    // How many controls in view the notices cover. Only a control whose box meets a notice has its clipping ancestors
    // looked at (a day of times has hundreds of buttons, and this runs a few times a second while a notice shows).
    const covers = notices => {
        let covered = 0;
        for (const control of document.querySelectorAll(controls)) {
            if (!notices.some(notice => overlaps(control.getBoundingClientRect(), notice))) continue;
            if (control.closest("#mud-snackbar-container")) continue;
            const box = visibleBox(control);
            if (box && notices.some(notice => overlaps(box, notice))) covered++;
        }
        return covered;
    };

    const content = () => document.querySelector(".mud-main-content");
    const inStrip = () => document.documentElement.classList.contains(strip);
    // The page keeps its place as it changes between scrolling as a whole and scrolling above the strip.
    const makeRoom = container => {
        const main = content();
        const y = scrollY;
        Object.assign(container.style, unplaced, { marginLeft: main ? getComputedStyle(main).marginLeft : "" });
        container.classList.remove("clinic-in-drawer");
        document.documentElement.classList.add(strip);
        if (main) main.scrollTop = y;
    };
    const giveRoomBack = container => {
        const y = content()?.scrollTop ?? 0;
        document.documentElement.classList.remove(strip);
        if (container) Object.assign(container.style, unplaced);
        scrollTo(0, y);
    };

    let placing = false;
    let watch = null; // while a notice shows, its place is looked at again a few times a second: a page's text can move a control under it unseen
    const place = () => {
        if (placing) return;
        const container = document.getElementById("mud-snackbar-container");
        if (!container || !container.querySelector(".mud-snackbar")) {
            clearInterval(watch);
            watch = null;
            if (inStrip()) giveRoomBack(container);
            return;
        }
        watch ??= setInterval(place, 250);
        if (inStrip()) return; // the strip covers nothing
        placing = true;
        try {
            const drawer = document.querySelector(".mud-drawer--open .mud-drawer-content");
            for (const place of places) {
                const { inDrawer, ...spot } = place;
                if (inDrawer && !drawer) continue;
                container.classList.toggle("clinic-in-drawer", !!inDrawer);
                Object.assign(container.style, spot);
                if (covers([...container.querySelectorAll(".mud-snackbar")].map(n => n.getBoundingClientRect())) === 0) return;
            }
            makeRoom(container);
        } finally {
            placing = false;
        }
    };

    new MutationObserver(place).observe(document.body, { childList: true, subtree: true });
    addEventListener("scroll", place, { passive: true });
    addEventListener("resize", place);
})();

// A date typed into a date field is taken on Enter as it is on Tab (the field commits what was typed when it changes).
document.addEventListener("keydown", event => {
    if (event.key === "Enter" && event.target instanceof HTMLInputElement && event.target.closest(".mud-picker") && !event.target.readOnly)
        event.target.dispatchEvent(new Event("change", { bubbles: true }));
}, true);

// A calendar feed's "Copy": to the clipboard where the browser allows it; otherwise the address is selected in its field,
// for the person to copy themselves (false).
window.clinicCopy = async (text, inputId) => {
    try {
        await navigator.clipboard.writeText(text);
        return true;
    } catch {
        const input = document.getElementById(inputId);
        input?.focus();
        input?.select();
        return false;
    }
};
