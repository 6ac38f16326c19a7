// Before the user sends a verification code or a card number in a chat: the text of a chat input
// is checked as an "outgoing" message (while typing, and at Enter or a click on send); a warned
// text is held until the user confirms. Text that cannot be a code or a number passes at once.
// Sets globalThis.KefuGuard.sendGuard.
(function (root) {
  "use strict";
  const ns = root.KefuGuard || (root.KefuGuard = {});
  if (ns.sendGuard) {
    return;
  }
  const { vocabulary, messaging, widgets, chat, evidenceLog } = ns;

  // Only such text is worth a round trip before sending: digits, or words for codes and cards.
  const WORTH_CHECKING = /\d[\d\s-]{2,}\d|验证码|校验码|动态码|密码|卡号|身份证|cvv|password|passcode|\bcode\b|\bpin\b/i;
  const TYPING_DEBOUNCE_MS = 350;
  const SEND_WORDS = /^(send|发送|发 送|提交|submit)$/i;

  function chatInput(el) {
    if (!el || el.nodeType !== 1) {
      return null;
    }
    let input = null;
    if (el.tagName === "TEXTAREA" || (el.tagName === "INPUT" && /^(text|search|tel|number|)$/i.test(el.type || ""))) {
      input = el;
    } else if (el.isContentEditable) {
      input = el.closest("[contenteditable]:not([contenteditable='false'])") || el;
    }
    if (!input) {
      return null;
    }
    const hint = `${input.getAttribute("placeholder") || ""} ${input.getAttribute("aria-label") || ""}`;
    return chat.inChatArea(input) || /消息|聊天|回复|输入|message|chat|reply/i.test(hint) ? input : null;
  }

  const textOf = (input) => (input.tagName === "TEXTAREA" || input.tagName === "INPUT" ? input.value : input.textContent || "").trim();

  function isSendButton(el) {
    const b = el && el.closest ? el.closest("button, [role='button'], input[type='submit'], input[type='button'], a, [class*='send' i]") : null;
    if (!b) {
      return null;
    }
    const label = (b.value || b.getAttribute("aria-label") || b.textContent || "").trim();
    const cls = `${b.getAttribute("class") || ""} ${b.id || ""}`;
    return SEND_WORDS.test(label) || /(^|[^a-z])send([^a-z]|$)|sendbtn|send-?button/i.test(cls) ? b : null;
  }

  function inputNear(button, lastInput) {
    const area = chat.inChatArea(button);
    for (let scope = area || button.parentElement, depth = 0; scope && depth < 6; scope = scope.parentElement, depth++) {
      const candidate = scope.querySelector("textarea, [contenteditable]:not([contenteditable='false']), input[type='text'], input:not([type])");
      if (candidate) {
        return candidate;
      }
    }
    return lastInput;
  }

  function install(ctx) {
    let last = { text: null, reply: null }; // the latest checked text and its verdict
    let confirmedText = null; // the user chose to send this text anyway
    let lastInput = null;
    let typingTimer = null;

    const warns = (result) => vocabulary.shouldShow(result.level, ctx.settings.min_level);

    function check(text) {
      if (last.text === text && last.reply) {
        return Promise.resolve(last.reply);
      }
      return messaging.send("check_outgoing", { url: location.href, text: text.slice(0, vocabulary.limits().text) }).then(
        (reply) => {
          last = { text, reply };
          evidenceLog.noteOutgoing(text, reply.result); // marks the message in saved evidence once sent
          return reply;
        },
        () => null, // fail open: never block sending because the host is away
      );
    }

    function resend(input, how, button) {
      confirmedText = textOf(input);
      const send = how === "click" ? button : findSendButton(input);
      if (send) {
        send.click();
        return;
      }
      for (const type of ["keydown", "keypress", "keyup"]) {
        input.dispatchEvent(new KeyboardEvent(type, { key: "Enter", code: "Enter", bubbles: true, cancelable: true }));
      }
    }

    function findSendButton(input) {
      const area = chat.inChatArea(input) || input.parentElement;
      if (!area) {
        return null;
      }
      for (const b of area.querySelectorAll("button, [role='button'], input[type='submit'], [class*='send' i]")) {
        if (isSendButton(b)) {
          return b;
        }
      }
      return null;
    }

    function warn(input, reply, how, button) {
      widgets.floatingWarning(input, reply.result, ctx.lang, ctx.t, {
        title: ctx.t("content_send_title"),
        stayLabel: ctx.t("content_send_stay"),
        goLabel: ctx.t("content_send_go"),
        onStay: () => input.focus(),
        onGo: () => resend(input, how, button),
      });
    }

    /** Decide on a send attempt; returns true when it was held. */
    function onSendAttempt(e, input, how, button) {
      const text = textOf(input);
      if (!text) {
        return;
      }
      if (confirmedText === text) {
        confirmedText = null;
        return;
      }
      if (last.text === text && last.reply) {
        if (warns(last.reply.result)) {
          e.preventDefault();
          e.stopImmediatePropagation();
          warn(input, last.reply, how, button);
        }
        return;
      }
      if (!WORTH_CHECKING.test(text)) {
        return;
      }
      e.preventDefault();
      e.stopImmediatePropagation();
      check(text).then((reply) => {
        if (reply && warns(reply.result)) {
          warn(input, reply, how, button);
        } else {
          resend(input, how, button);
        }
      });
    }

    document.addEventListener(
      "input",
      (e) => {
        const input = chatInput(e.target);
        if (!input) {
          return;
        }
        lastInput = input;
        clearTimeout(typingTimer);
        const text = textOf(input);
        if (text && WORTH_CHECKING.test(text)) {
          typingTimer = setTimeout(() => check(text), TYPING_DEBOUNCE_MS);
        }
      },
      { capture: true, passive: true },
    );
    document.addEventListener(
      "keydown",
      (e) => {
        if (e.key !== "Enter" || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey || e.isComposing || e.keyCode === 229) {
          return;
        }
        const input = chatInput(e.target);
        if (input) {
          lastInput = input;
          onSendAttempt(e, input, "enter", null);
        }
      },
      true,
    );
    document.addEventListener(
      "click",
      (e) => {
        const button = isSendButton(e.target);
        if (!button || !chat.inChatArea(button)) {
          return;
        }
        const input = chatInput(inputNear(button, lastInput));
        if (input) {
          onSendAttempt(e, input, "click", button);
        }
      },
      true,
    );
  }

  ns.sendGuard = Object.freeze({ install, WORTH_CHECKING });
})(globalThis);
