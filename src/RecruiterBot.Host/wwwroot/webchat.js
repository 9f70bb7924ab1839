// The RecruiterBot web chat: sends messages and card button data to POST /api/chat and shows the replies.
// Replies render as Adaptive Cards (the official renderer, served from this host) or, without a card, as plain text.
// Text from the user or the server is only ever set with textContent, never parsed as HTML.
"use strict";

(() => {
  const CONVERSATION_KEY = "recruiterbot.conversation";
  const RETRIES = 2;
  const RETRY_DELAY_MS = 800;

  const messages = document.getElementById("messages");
  const form = document.getElementById("compose");
  const input = document.getElementById("input");

  // One conversation per browser tab (sessionStorage), so "Another question" does not repeat after a reload.
  let conversation = sessionStorage.getItem(CONVERSATION_KEY);

  function requestId() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function append(role, content) {
    const row = document.createElement("div");
    row.className = `msg ${role}`;
    const bubble = document.createElement("div");
    bubble.className = "bubble";
    if (typeof content === "string") bubble.textContent = content;
    else bubble.appendChild(content);
    row.appendChild(bubble);
    messages.appendChild(row);
    row.scrollIntoView({ block: "end" });
    return row;
  }

  function typing() {
    const row = document.createElement("div");
    row.className = "msg bot typing";
    row.setAttribute("aria-label", "RecruiterBot is typing");
    row.innerHTML = '<div class="bubble"><span></span><span></span><span></span></div>';
    messages.appendChild(row);
    row.scrollIntoView({ block: "end" });
    return row;
  }

  async function post(body) {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetch("api/chat", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(body),
        });
        const json = await response.json().catch(() => ({ error: `the server answered ${response.status}` }));
        return { ok: response.ok, json };
      } catch (e) {
        // A network failure: the same requestId makes the retry safe (same answer, no second question drawn).
        if (attempt >= RETRIES) return { ok: false, json: { error: "could not reach RecruiterBot; is it still running?" } };
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * (attempt + 1)));
      }
    }
  }

  async function send(text, value, echo) {
    append("user", echo);
    const pending = typing();
    const body = { text, requestId: requestId() };
    if (conversation) body.conversation = conversation;
    if (value !== undefined) body.value = value;
    const { ok, json } = await post(body);
    pending.remove();
    if (!ok) {
      append("bot error", json.error || "something went wrong");
      return;
    }
    if (json.conversation && json.conversation !== conversation) {
      conversation = json.conversation;
      sessionStorage.setItem(CONVERSATION_KEY, conversation);
    }
    showReply(json);
  }

  function showReply(envelope) {
    const card = envelope.card && window.AdaptiveCards ? renderCard(envelope.card) : null;
    const row = append("bot", card || envelope.text || "");
    if (!card) row.querySelector(".bubble").classList.add("plain");
    else row.classList.add("card");
  }

  // Card text may use **bold** and _italic_. The text is HTML-escaped first, so only these two tags can appear.
  function markdown(text, result) {
    const escaped = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    result.outputHtml = escaped
      .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
      .replace(/(^|\W)_(.+?)_(?=\W|$)/g, "$1<em>$2</em>")
      .replace(/\r?\n/g, "<br>");
    result.didProcess = true;
  }
  if (window.AdaptiveCards) AdaptiveCards.AdaptiveCard.onProcessMarkdown = markdown;

  function renderCard(payload) {
    try {
      const card = new AdaptiveCards.AdaptiveCard();
      card.hostConfig = hostConfig;
      card.onExecuteAction = onCardAction;
      card.parse(payload);
      return card.render() || null;
    } catch (e) {
      return null; // the plain text is always there
    }
  }

  function onCardAction(action) {
    if (action instanceof AdaptiveCards.SubmitAction || action instanceof AdaptiveCards.ExecuteAction) {
      send("", action.data ?? {}, action.title || "…");
    } else if (action instanceof AdaptiveCards.OpenUrlAction && /^https?:\/\//i.test(action.url || "")) {
      window.open(action.url, "_blank", "noopener,noreferrer");
    }
    // Action.ShowCard and Action.ToggleVisibility are handled by the renderer itself.
  }

  const hostConfig = window.AdaptiveCards
    ? new AdaptiveCards.HostConfig({
        fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
        spacing: { small: 4, default: 8, medium: 14, large: 20, extraLarge: 28, padding: 14 },
        separator: { lineThickness: 1, lineColor: "#E3E6EC" },
        fontSizes: { small: 12, default: 14, medium: 16, large: 19, extraLarge: 23 },
        containerStyles: {
          default: { backgroundColor: "#FFFFFF", foregroundColors: { default: { default: "#1F2430", subtle: "#5B6475" }, accent: { default: "#2456D6", subtle: "#4C72D9" }, good: { default: "#1E7B46", subtle: "#2E8B57" }, warning: { default: "#A05A00", subtle: "#B36B14" }, attention: { default: "#B3261E", subtle: "#C2473F" } } },
          emphasis: { backgroundColor: "#F3F5F9", foregroundColors: { default: { default: "#1F2430", subtle: "#5B6475" }, accent: { default: "#2456D6", subtle: "#4C72D9" } } },
        },
        actions: { maxActions: 6, spacing: "default", buttonSpacing: 8, showCard: { actionMode: "inline", inlineTopMargin: 12 }, actionsOrientation: "horizontal", actionAlignment: "left" },
      })
    : null;

  function submitCompose() {
    const text = input.value;
    if (!text.trim()) return;
    input.value = "";
    resize();
    send(text, undefined, text);
  }

  function resize() {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight, 200) + "px";
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    submitCompose();
    input.focus();
  });

  input.addEventListener("keydown", (e) => {
    // Enter sends; Shift+Enter keeps a new line, so a resume can be pasted or typed line by line.
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      submitCompose();
    }
  });
  input.addEventListener("input", resize);

  for (const chip of document.querySelectorAll(".chip")) {
    chip.addEventListener("click", () => {
      const value = chip.dataset.value ? JSON.parse(chip.dataset.value) : undefined;
      send(chip.dataset.text || "", value, chip.textContent.trim());
      if (chip.hasAttribute("data-focus-compose")) input.focus();
    });
  }

  input.focus();
})();
