export const a = {
	one: 1 2,
};
