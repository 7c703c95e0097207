export const CITIZEN = [];
