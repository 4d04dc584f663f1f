// The combined approval queue (one face check, many approvals). Nothing is used by other modules.
export {};
