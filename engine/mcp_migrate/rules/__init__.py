"""Every rule module, imported explicitly (Pyodide-friendly: no package scanning).

Add new rule modules to RULE_MODULES; the order here is the order rules run in and the
priority when two fixes overlap (earlier wins).
"""

import importlib

RULE_MODULES = [
    # --- PKG: dependency files (engine core) ---
    "pkg001_mcp_pin",
    "pkg002_dependency_floors",
    "pkg003_httpx_pins",
    "pkg004_ws_extra",
    # --- TYP, CLT, TST ---
    "typ001_mcperror_rename",
    "typ002_mcperror_constructor",
    "typ003_shared_version_module",
    "typ004_removed_type_aliases",
    "typ005_camelcase_fields",
    "typ006_model_dump_by_alias",
    "typ007_extra_fields",
    "typ008_anyurl_to_str",
    "typ009_rootmodel_unions",
    "typ010_request_params_meta",
    "typ011_protocol_versions",
    "typ012_jsonrpc_error_null_id",
    "clt001_get_server_capabilities",
    "clt002_list_cursor",
    "clt003_session_group_args",
    "clt004_timedelta_timeouts",
    "clt005_request_timeout_code",
    "clt006_base_session_removed",
    "clt007_experimental_tasks",
    "tst001_connected_session_helper",
    # --- end TYP, CLT, TST ---
    # --- SRV ---
    "srv001_fastmcp_rename",
    "srv002_context_fastmcp_property",
    "srv003_default_server_name",
    "srv004_positional_instructions",
    "srv006_mount_path_removed",
    "srv007_transport_kwargs",
    "srv008_get_context_removed",
    "srv009_sync_handler_thread",
    "srv010_call_tool_result",
    "srv011_mcperror_in_tool",
    "srv012_resource_unknown_kwargs",
    "srv013_file_resource_encoding",
    "srv014_resource_template_matching",
    "srv015_context_log_data",
    "srv016_context_client_id",
    "srv017_progress_removed",
    "srv018_elicitation_result_isinstance",
    "srv019_lowlevel_handlers_from_mcpserver",
    "srv020_settings_env",
    "srv021_private_session_manager",
    # --- end SRV ---
    # --- LOW, TRN ---
    "low001_handler_decorators",
    "low002_return_wrapping",
    "low003_tool_exceptions",
    "low004_keyword_only",
    "low005_type_parameter",
    "low006_handler_dicts",
    "low007_handle_methods",
    "low008_raise_exceptions",
    "low009_run_stateless",
    "low010_request_context",
    "low011_request_context_types",
    "low012_server_session",
    "low013_elicit_requested_schema",
    "trn001_streamablehttp_client",
    "trn002_get_session_id",
    "trn003_transport_params",
    "trn004_protocol_version",
    "trn005_http_status_errors",
    "trn006_terminate_windows_process",
    "trn007_stdio_fd_watch",
    "trn008_websocket",
    # --- end LOW, TRN ---
    # --- AUT, PRO, DPR, ERA, PKG1xx ---
    "aut001_rfc7523_removed",
    "aut002_oauth_token_error_import",
    "aut003_metadata_url_trailing_slash",
    "aut004_callback_handler_result",
    "aut005_scopes_to_scope",
    "aut006_oauth_timeout_removed",
    "aut007_client_information_full_split",
    "aut008_token_client_auth",
    "pro001_tool_schema_type_object",
    "dpr001_resource_subscription_deprecated",
    "dpr002_roots_sampling_logging_deprecated",
    "dpr003_client_progress_deprecated",
    "era001_no_back_channel",
    "era002_log_opt_in",
    "era003_change_notifications_listen",
    "pkg101_httpx_objects_to_httpx2",
    # --- end AUT, PRO, DPR, ERA, PKG1xx ---
]

for _name in RULE_MODULES:
    importlib.import_module(__name__ + "." + _name)
