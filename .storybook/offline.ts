import type { Channel } from 'storybook/internal/channels';
import { REQUEST_WHATS_NEW_DATA, RESULT_WHATS_NEW_DATA } from 'storybook/internal/core-events';

// When the manager opens, the dev server fetches storybook.js.org/whats-new whatever
// core.disableWhatsNewNotifications says. Main config presets apply after Storybook's
// own, so this replaces that listener with a local "unavailable" answer.
export async function offlineServerChannel(channel: Channel): Promise<Channel> {
  channel.removeAllListeners(REQUEST_WHATS_NEW_DATA);
  channel.on(REQUEST_WHATS_NEW_DATA, () => channel.emit(RESULT_WHATS_NEW_DATA, { data: { status: 'ERROR' } }));
  return channel;
}
