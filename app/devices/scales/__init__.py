"""Serial scales: URLs (url), replies read into weights (mtsics, continuous, units), the reader
thread (reader), and what each problem says to a person (messages). No Qt here: the station's
bridge is app.gui.scale_hub."""
