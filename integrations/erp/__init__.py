"""ERP clients behind one port; see ``port.ErpClient``."""
