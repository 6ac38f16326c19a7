// A Telegram-Web-K-like message list, written by hand (no npm library) from the class names of
// Telegram Web K's public source (github.com/morethanwords/tweb, src/components/chat/bubbles.ts and
// bubbleGroups.ts, src/components/chat/messageRender.ts):
//   .bubbles > .scrollable > .bubbles-inner > section.bubbles-date-group
//     > .bubble.service.is-date > .bubble-content > .service-msg          (the day's sticky date pill)
//     > .bubbles-group                                                     (consecutive bubbles of one sender)
//       > .bubble.is-in|.is-out[data-mid][data-peer-id][data-timestamp]     (.is-group-first/.is-group-last)
//         > .bubble-content-wrapper > .bubble-content
//           > .name > .peer-title                                         (sender, incoming only)
//           > .message.spoilers-container > text + span.time > .time-inner (time inside the message)
// The incoming/outgoing marker sits on the .bubble (is-in / is-out), two levels above the text.
// Works on any document (the frame wrapper writes it into srcdoc and about:blank frames).

export const TELEGRAM_CSS = `
html, body { margin: 0; height: 100%; font: 14px/1.35 sans-serif; background: #aec48f; }
.bubbles { position: relative; width: 520px; height: 600px; }
.bubbles .scrollable { position: absolute; inset: 0; overflow-y: auto; }
.bubbles-inner { display: flex; flex-direction: column; padding: 8px 12px; }
.bubbles-date-group { display: flex; flex-direction: column; }
.bubble.service { align-self: center; margin: 6px 0; }
.bubble.service .service-msg { background: rgba(0,0,0,.25); color: #fff; border-radius: 12px; padding: 2px 8px; }
.bubbles-group { display: flex; flex-direction: column; margin-bottom: 6px; }
.bubble { display: flex; max-width: 80%; margin: 2px 0; }
.bubble.is-in { align-self: flex-start; }
.bubble.is-out { align-self: flex-end; }
.bubble-content { border-radius: 12px; padding: 6px 10px; background: #fff; }
.bubble.is-out .bubble-content { background: #eeffde; }
.bubble .name { color: #3a8ccf; font-weight: 600; margin-bottom: 2px; }
.bubble .time { float: right; margin-left: 8px; color: #999; font-size: 11px; position: relative; top: 6px; }
`;

function el(doc, tag, classes, text) {
  const e = doc.createElement(tag);
  if (classes) e.className = classes;
  if (text != null) e.textContent = text;
  return e;
}

export function createTelegramChat(doc, container) {
  if (!doc.getElementById('telegram-like-style')) {
    const style = el(doc, 'style');
    style.id = 'telegram-like-style';
    style.textContent = TELEGRAM_CSS;
    doc.head.append(style);
  }
  const bubbles = el(doc, 'div', 'bubbles has-groups');
  const scrollable = el(doc, 'div', 'scrollable scrollable-y');
  const inner = el(doc, 'div', 'bubbles-inner');
  scrollable.append(inner);
  bubbles.append(scrollable);
  container.append(bubbles);

  let dateGroup = null;
  let group = null;
  let lastDirection = null;

  function bubbleFor(m) {
    const out = m.direction === 'outgoing';
    const bubble = el(doc, 'div', `bubble ${out ? 'is-out' : 'is-in'} can-have-tail`);
    bubble.dataset.mid = m.id.replace(/\D/g, '');
    bubble.dataset.peerId = out ? '1000' : '2837461';
    bubble.dataset.timestamp = m.time;
    const wrapper = el(doc, 'div', 'bubble-content-wrapper');
    const content = el(doc, 'div', 'bubble-content');
    if (!out) {
      const name = el(doc, 'div', 'name');
      name.append(el(doc, 'span', 'peer-title', m.sender));
      content.append(name);
    }
    const message = el(doc, 'div', 'message spoilers-container');
    message.append(doc.createTextNode(m.text));
    const time = el(doc, 'span', 'time');
    time.append(el(doc, 'div', 'time-inner', m.time));
    message.append(time);
    content.append(message);
    wrapper.append(content);
    bubble.append(wrapper);
    return bubble;
  }

  function add(messages) {
    const frag = doc.createDocumentFragment();
    for (const m of messages) {
      if (!dateGroup) {
        dateGroup = el(doc, 'section', 'bubbles-date-group');
        const pill = el(doc, 'div', 'bubble service is-date');
        const pillContent = el(doc, 'div', 'bubble-content');
        pillContent.append(el(doc, 'div', 'service-msg', '今天'));
        pill.append(pillContent);
        dateGroup.append(pill);
        frag.append(dateGroup);
      }
      if (!group || lastDirection !== m.direction) {
        if (group) group.lastElementChild?.classList.add('is-group-last');
        group = el(doc, 'div', 'bubbles-group');
        dateGroup.append(group);
        lastDirection = m.direction;
      }
      const bubble = bubbleFor(m);
      if (!group.firstElementChild) bubble.classList.add('is-group-first');
      group.append(bubble);
    }
    if (group) {
      for (const b of group.querySelectorAll('.is-group-last')) b.classList.remove('is-group-last');
      group.lastElementChild?.classList.add('is-group-last');
    }
    // one DOM insertion per update when the date group is new, otherwise the bubbles went straight in
    if (frag.childNodes.length) inner.append(frag);
    scrollable.scrollTop = scrollable.scrollHeight;
  }

  return {
    add,
    listElement: () => inner,
    messageElements: () =>
      Array.from(inner.querySelectorAll('.bubbles-date-group .bubble')).filter((b) => !b.classList.contains('service')),
  };
}
