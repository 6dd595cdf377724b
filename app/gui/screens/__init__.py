"""One module per screen; each is a thin view over a presenter or plain data (app.gui.state)."""
