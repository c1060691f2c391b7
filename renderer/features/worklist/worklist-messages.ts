import { declareMessages } from '../../../db/model/index.js';

/* Today's worklist (beside the procedure list, and its match on the form), as messages to translate. */
const W = "Today's worklist (the RIS's scheduled patients for this station)";
export const WORKLIST_MESSAGES = declareMessages('worklist.panel', {
  title: ["Today's worklist", `${W}: the heading; the key that reaches it follows.`],
  refresh: ['Refresh', `${W}: the button that asks the RIS again.`],
  asking: ['Asking…', `${W}: the button while the RIS is asked.`],
  notReceived: ['List not received yet', `${W}: no list has come from the RIS yet.`],
  receivedNow: ['List received at {time} (just now)', `${W}: how old the list is; {time} is a clock time.`],
  receivedMinutes: [
    'List received at {time} ({minutes} min ago)',
    `${W}: how old the list is; {time} is a clock time.`,
  ],
  receivedHours: ['List received at {time} ({hours} h ago)', `${W}: how old the list is; {time} is a clock time.`],
  empty: ['No patients scheduled for this station.', `${W}: the list is empty.`],
  rows: ['Scheduled patients', `${W}: the accessible name of the list.`],
  loggedToday: ['Logged today', `${W}: a mark on a patient whose procedure is already logged today.`],
  alreadyLogged: ['already logged today', `${W}: what a screen reader adds to such a patient.`],
  match: [
    "On today's worklist: {name}",
    `${W}, on the form: the patient ID typed is on the worklist; {name} is the patient's name.`,
  ],
  matchAt: ["On today's worklist: {name} at {time}", `${W}, on the form: the same, with the scheduled time.`],
  take: ["Take the patient's details from the worklist", `${W}, on the form: a button.`],
});
