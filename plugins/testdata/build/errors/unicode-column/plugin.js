// The caret must sit under the error, after multi-byte characters and a tab.
	const café = "☕", x = ;
