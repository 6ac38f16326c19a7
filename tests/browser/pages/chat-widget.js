// A small shop chat widget like the ones on real shop pages: messages are appended by script
// after load (as a live chat does), and the visitor sends with Enter or the send button.
// variant "classes" (default): class names like chat-messages / msg msg-left / bubble;
// variant "aria": no helpful class names, an ARIA log (role=log) with <li> messages.
(function () {
  const variant = new URLSearchParams(location.search).get("variant") || "classes";
  const root = document.getElementById("chat-root");
  const aria = variant === "aria";
  const widget = document.createElement("div");
  widget.className = aria ? "w1" : "kefu-widget";
  const header = document.createElement("div");
  header.className = aria ? "w2" : "chat-header";
  header.textContent = "店铺客服 · 在线";
  const list = document.createElement(aria ? "ul" : "div");
  if (aria) {
    list.setAttribute("role", "log");
    list.setAttribute("aria-label", "Conversation");
    list.className = "w3";
  } else {
    list.className = "chat-messages";
  }
  list.id = "messages";
  const footer = document.createElement("div");
  footer.className = aria ? "w4" : "chat-footer";
  const input = document.createElement("textarea");
  input.className = aria ? "w5" : "chat-input";
  input.id = "chat-input";
  input.placeholder = "输入消息…";
  const button = document.createElement("button");
  button.type = "button";
  button.id = "send";
  button.className = aria ? "w6" : "send-btn";
  button.textContent = "发送";
  footer.append(input, button);
  widget.append(header, list, footer);
  root.append(widget);

  const sent = [];
  function add(text, direction, options) {
    const item = document.createElement(aria ? "li" : "div");
    if (!aria) {
      item.className = "msg " + (direction === "outgoing" ? "msg-right" : "msg-left");
    }
    if (options && options.id) {
      item.id = options.id;
    }
    if (options && options.sender) {
      const nick = document.createElement("span");
      nick.className = aria ? "w7" : "msg-nick";
      nick.textContent = options.sender;
      item.append(nick);
    }
    const bubble = document.createElement("div");
    bubble.className = aria ? "w8" : "bubble";
    bubble.textContent = text; // the page shows text as text
    item.append(bubble);
    list.append(item);
    list.scrollTop = list.scrollHeight;
    return item;
  }
  function send() {
    const text = input.value.trim();
    if (!text) {
      return;
    }
    sent.push(text);
    add(text, "outgoing", {});
    input.value = "";
  }
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      send();
    }
  });
  button.addEventListener("click", send);
  window.testChat = {
    receive: (text, options) => add(text, "incoming", options || {}).id,
    sent,
  };
})();
