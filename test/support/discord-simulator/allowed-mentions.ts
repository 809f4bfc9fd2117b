/**
 * Who a message would notify, by Discord's rules: mentions in the content ping only when
 * `allowed_mentions` permits them, and a missing `allowed_mentions` permits everything.
 */
export interface Pings {
  readonly everyone: boolean;
  readonly users: readonly string[];
  readonly roles: readonly string[];
  readonly repliedUser: boolean;
}

interface AllowedMentions {
  readonly parse?: readonly string[];
  readonly users?: readonly string[];
  readonly roles?: readonly string[];
  readonly replied_user?: boolean;
}

export function resolvePings(body: unknown): Pings {
  const message = (typeof body === 'object' && body !== null ? body : {}) as {
    content?: unknown;
    allowed_mentions?: AllowedMentions;
    message_reference?: unknown;
  };
  const content = typeof message.content === 'string' ? message.content : '';
  const allowed = message.allowed_mentions;
  const parse = allowed ? (allowed.parse ?? []) : ['everyone', 'users', 'roles'];
  const userIds = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1] ?? '');
  const roleIds = [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1] ?? '');
  const isReply = message.message_reference !== undefined;
  return {
    everyone: parse.includes('everyone') && /@(everyone|here)/.test(content),
    users: userIds.filter((id) => parse.includes('users') || (allowed?.users ?? []).includes(id)),
    roles: roleIds.filter((id) => parse.includes('roles') || (allowed?.roles ?? []).includes(id)),
    repliedUser: isReply && (allowed ? allowed.replied_user === true : true),
  };
}

export function pingsAnyone(pings: Pings): boolean {
  return pings.everyone || pings.users.length > 0 || pings.roles.length > 0 || pings.repliedUser;
}
