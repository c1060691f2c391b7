import { create } from 'zustand';
import { deliveryLine, noDeliveryLine, type RisDeliveries, type Said, type Words } from '../../../db/model/index.js';
import { ApiCallError, client } from '../../app/api-client.js';

/** One line of the record's RIS state: its words and how it stands (the mark's colour, whether to offer Send now). */
export interface RisLine {
  key: string;
  /** The signed version the line is of (null: the line says no version went to a RIS). */
  version: number | null;
  state: 'waiting' | 'sent' | 'refused' | 'unsendable' | 'none';
  /** The line's words, said in the reader's language by the panel. */
  words: Words;
  /** Send again is offered: refused by the RIS, or not sent for a character set the connection now carries. */
  again: boolean;
}

interface RisState {
  /** The record these deliveries are of (a record's state is never shown on another). */
  procedureId: string | null;
  deliveries: RisDeliveries | null;
  sending: boolean;
  problem: Said | null;
  load: (procedureId: string) => Promise<void>;
  /** Send now: whatever waits goes at once, past the back-off (a person asked). */
  sendNow: () => Promise<void>;
  /** The version last sent again (its line says so until the record changes). */
  sentAgain: number | null;
  /** Send again: a version the RIS refused (or its character set could not carry) goes back in the outbox, sent at once. */
  sendAgain: (version: number) => Promise<void>;
}

/** The record's way to the RIS in words, one line per signed version, with the console's clock. */
export function risLines(deliveries: RisDeliveries | null, now: Date): RisLine[] {
  if (!deliveries) return [];
  if (deliveries.deliveries.length === 0)
    return [{ key: 'none', version: null, state: 'none', words: noDeliveryLine(deliveries.configured), again: false }];
  return deliveries.deliveries.map((delivery) => {
    return {
      key: String(delivery.version),
      version: delivery.version,
      state: delivery.state,
      words: deliveryLine(delivery, now),
      again:
        deliveries.configured &&
        (delivery.state === 'refused' || (delivery.state === 'unsendable' && delivery.sendableNow)),
    };
  });
}

/** A refusal as the logbook words it (said in the reader's language by the panel). */
const words = (error: unknown): Said => (error instanceof ApiCallError ? error.error : { message: String(error) });

/** Where the open record's report is on its way to the RIS (the outbox in the main process). */
export const useRisDelivery = create<RisState>((set, get) => ({
  procedureId: null,
  deliveries: null,
  sending: false,
  problem: null,
  sentAgain: null,
  load: async (procedureId) => {
    if (get().procedureId !== procedureId) set({ procedureId, deliveries: null, problem: null, sentAgain: null });
    try {
      const deliveries = await client.ris.deliveries(procedureId);
      if (get().procedureId === procedureId) set({ deliveries });
    } catch (error) {
      if (get().procedureId === procedureId) set({ problem: words(error) });
    }
  },
  sendNow: async () => {
    const { procedureId, sending } = get();
    if (!procedureId || sending) return;
    set({ sending: true, problem: null });
    try {
      const deliveries = await client.ris.sendNow(procedureId);
      if (get().procedureId === procedureId) set({ deliveries });
    } catch (error) {
      if (get().procedureId === procedureId) set({ problem: words(error) });
    } finally {
      set({ sending: false });
    }
  },
  sendAgain: async (version) => {
    const { procedureId, sending } = get();
    if (!procedureId || sending) return;
    set({ sending: true, problem: null });
    try {
      const deliveries = await client.ris.sendAgain(procedureId, version);
      if (get().procedureId === procedureId) set({ deliveries, sentAgain: version });
    } catch (error) {
      if (get().procedureId === procedureId) set({ problem: words(error) });
    } finally {
      set({ sending: false });
    }
  },
}));
