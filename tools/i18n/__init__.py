"""Translation tooling: extract every UI string into app/resources/translations/*.ts, check and compile them."""
