// Participant ids as the collector issues and checks them, by the protocol's rule
// (@tandem/core/protocol.js participant.ts), signed with the database's secret so that every
// process on it agrees.
import { createHmac, randomUUID } from 'node:crypto';
import { isIssuedParticipant, issueParticipant, type SignText } from '@tandem/core/protocol.js';

export type Participants = {
  /** A new participant id, for a device that has none. */
  issue: () => string;
  /** Whether this collector (any process on its database) issued the id. */
  issued: (id: string) => boolean;
};

export function participants(secret: Buffer): Participants {
  const sign: SignText = (text) => createHmac('sha256', secret).update(text).digest('base64url');
  return {
    issue: () => issueParticipant(randomUUID(), sign),
    issued: (id) => isIssuedParticipant(id, sign),
  };
}
