"""Names vulture reports as unused that are used, by a caller it cannot see (`make lint` runs vulture on app/, tools/
and tests/ with this file). Each group says who uses them. Anything else it reports is dead: delete it."""

# ruff: noqa: B018, F821 - bare (undefined) names are how a vulture whitelist marks names as used

# The CLI's runners, imported by name from `app.cli.COMMANDS` ("module:function") when their command runs.
run_auth_command
run_kiosk_command
run_sandbox

# Qt virtual overrides and signal-slot signatures: Qt calls them, with every parameter.
closeEvent
filterAcceptsRow
lessThan
splitPath
source_parent
deselected
# html.parser.HTMLParser callbacks (app/ui/panels/rich_text.py).
handle_starttag
handle_startendtag
handle_endtag
handle_data
# A reference that keeps a non-modal QFileDialog alive while it is open (book_column.py).
_ics_dialog
# Form-error colour per scheme: the theme work's (app/ui/runtime/style.py), kept for the form's error labels.
error_colour

# HubSpot's JSON as msgspec structs: every field HubSpot sends is declared, read by the code or not, so a change in
# the API shows up in one place (app/hubspot/models.py; the sandbox's seed fills some of them).
prev
user_ids_of_link_members
payment_link_id
double_data
is_legitimate_interest
legitimate_interest_subscription_types
legitimate_interest_legal_basis
avatar
company_avatar
headline
public_display_avatar_option
logo_url
use_company_logo
show_welcome_screen
owner_prioritized
display_info
welcome_screen_info
redirect_url
calendar_provider
is_sales_starter
logo_alt_text
show_marketing_ad
show_sales_ad
accent_color
accent2_color
primary_color
secondary_color
logo_width
logo_height
company_name
company_domain
company_address_line1
company_address_line2
company_city
company_state
company_zip
company_country
meeting_duration_millis
branding_metadata
start_time
translated_label
value_label
in_
error_type
request_id
token_type
token_use
id_token
error_description
# The contacts search request as HubSpot defines it; the sandbox accepts and ignores these (app/sandbox/contacts.py).
filterGroups
sorts
# The simulated OAuth server's record of a token mirrors HubSpot's access-token info (app/sandbox/oauth.py).
issued_at
# The sender records the UI's connectivity hint; by design only a real request decides (app/outbox/sender.py).
online_hint

# pytest finds these by name: module marks, hooks, autouse and named fixtures, keyring's backend protocol.
pytestmark
pytest_asyncio_loop_factories
_isolated_home
_collect_garbage_on_main_thread
_app_keeps_running_when_windows_close
_scripts_token
_keychain_folder
db_fixture
clock_fixture
outbox_fixture
history_fixture
priority
FileKeyring
# importlib's meta-path finder protocol (tests/benchmarks/app_probe.py); socketserver's option (hostile_server.py).
find_spec
daemon_threads
