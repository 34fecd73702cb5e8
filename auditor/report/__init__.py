"""Report model, rendering and export."""
