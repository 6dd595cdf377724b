"""The supervisor's touchscreen console (issue 8). GUI thread only.

``orders_model.OrdersModel``: every order, paged from the replica by a worker;
``orders_panel.OrdersPanel``: its filter chips, search field and table, for touch.
"""
