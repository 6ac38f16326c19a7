// Chat UIs whose markup we have rendered and checked, as data: for each, the selector of its
// message list, of one message, of the parts that say the message was sent by the user, and of
// the parts that are not the message's text (time, status) or that name its sender. `checked`
// names the version the entry was verified against (tests/browser/chat_uis renders each of them
// from npm at that version and asserts every message is found with the right direction).
// Third-party markup changes without notice: the heuristic in content/chat.js covers the rest.
// Sets globalThis.KefuGuard.chatStructures.
(function (root) {
  "use strict";
  const ns = root.KefuGuard || (root.KefuGuard = {});
  if (ns.chatStructures) {
    return;
  }

  // list: the message list; within: an element the list must sit in (across shadow roots), for a
  // list selector that alone would be too common; message: one message; outgoing / incoming: on
  // the message, an element around it inside the list, or an element inside it; sender: the
  // sender's name inside a message; skip: parts that are not the text (time, status, day lines).
  const STRUCTURES = [
    {
      name: "kefu-guard convention",
      checked: "docs/extension.md",
      list: "[data-kefuguard-chat]",
      message: "[data-kefuguard-message]",
      outgoing: "[data-direction='outgoing']",
    },
    {
      name: "deep-chat",
      checked: "deep-chat 2.4.2",
      list: "#messages",
      within: "deep-chat",
      message: ".outer-message-container",
      outgoing: ".deep-chat-outer-container-role-user, .user-message",
      sender: ".name",
    },
    {
      name: "chatscope chat-ui-kit",
      checked: "@chatscope/chat-ui-kit-react 2.1.1 (styles 1.4.0)",
      list: ".cs-message-list",
      message: ".cs-message",
      outgoing: ".cs-message--outgoing, .cs-message-group--outgoing",
      incoming: ".cs-message--incoming, .cs-message-group--incoming",
      sender: ".cs-message__sender-name",
      skip: ".cs-message__sent-time, .cs-message__footer",
    },
    {
      name: "react-chat-elements",
      checked: "react-chat-elements 12.0.18",
      list: ".rce-mlist",
      message: ".rce-container-mbox",
      outgoing: ".rce-mbox-right",
      sender: ".rce-mbox-title",
      skip: ".rce-mbox-time, .rce-mbox-status",
    },
    {
      name: "BotUI",
      checked: "botui 1.1.3 with @botui/react 1.1.5",
      list: ".botui_message_list",
      message: ".botui_message",
      outgoing: ".human",
    },
    {
      name: "ChatUI (Alibaba)",
      checked: "@chatui/core 3.8.0",
      list: ".MessageList",
      message: ".Message",
      outgoing: ".Message.right",
      incoming: ".Message.left",
      sender: ".Message-author",
      skip: ".Message-meta, .Time",
    },
    {
      name: "Ant Design X Bubble.List",
      checked: "@ant-design/x 2.9.0 (antd 6.6.8)",
      list: ".ant-bubble-list",
      message: ".ant-bubble",
      outgoing: ".ant-bubble-end",
      incoming: ".ant-bubble-start",
      sender: ".ant-bubble-header",
      skip: ".ant-bubble-footer",
    },
    {
      name: "vue-advanced-chat",
      checked: "vue-advanced-chat 2.1.2",
      list: "#messages-list",
      within: "vue-advanced-chat",
      message: ".vac-message-wrapper",
      outgoing: ".vac-message-current, .vac-offset-current",
      sender: ".vac-text-username",
      skip: ".vac-text-timestamp, .vac-text-started, .vac-line-new",
    },
    {
      name: "Telegram Web K",
      checked: "class names of morethanwords/tweb src/components/chat/bubbles.ts, on a page built from them (not the app)",
      list: ".bubbles-inner",
      message: ".bubble:not(.service)",
      outgoing: ".is-out",
      incoming: ".is-in",
      sender: ".name, .peer-title",
      skip: ".time, .time-inner, .service-msg",
    },
  ];

  ns.chatStructures = Object.freeze(STRUCTURES.map((s) => Object.freeze(s)));
})(globalThis);
