// The toolbar badge of one tab: the worst of the page verdict and its chat findings.

export const BADGES = {
  verified: { text: "\u2713", color: "#1a7f37", title: "badge_title_verified" },
  caution: { text: "!", color: "#b54708", title: "badge_title_caution" },
  danger: { text: "!!", color: "#c62828", title: "badge_title_danger" },
  host_missing: { text: "?", color: "#667085", title: "badge_title_host_missing" },
  host_error: { text: "?", color: "#667085", title: "badge_title_host_error" },
};

/**
 * The badge for a tab, or null for none. `level` is the worst level found on the page,
 * `hostState` the connection state when no verdict could be had.
 */
export function badgeFor(level, hostState) {
  if (level === "danger" || level === "caution" || level === "verified") {
    return BADGES[level];
  }
  if (level === null && hostState === "missing") {
    return BADGES.host_missing;
  }
  if (level === null && (hostState === "forbidden" || hostState === "failed")) {
    return BADGES.host_error;
  }
  return null;
}

export async function showBadge(action, tabId, badge, title) {
  try {
    await action.setBadgeText({ tabId, text: badge ? badge.text : "" });
    if (badge) {
      await action.setBadgeBackgroundColor({ tabId, color: badge.color });
      if (action.setBadgeTextColor) {
        await action.setBadgeTextColor({ tabId, color: "#ffffff" });
      }
    }
    await action.setTitle({ tabId, title });
  } catch (e) {
    // the tab closed meanwhile: nothing to show
  }
}
