"""Translation tooling: extract every UI string into resources/translations/*.ts, check and compile them."""
