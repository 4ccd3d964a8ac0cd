"""Pure AR logic over ERP records: no I/O, no surfaces."""
