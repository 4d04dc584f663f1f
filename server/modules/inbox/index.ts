// What other modules may use of the inbox: posting a message to a person.
export { postInbox } from './post';
