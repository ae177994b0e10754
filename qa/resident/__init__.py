"""A resident ``qa`` process (``qa daemon``) that answers ``qa check`` without start-up.

The daemon imports qa, builds the default rules and loads their data once, then forks a
child for each client, which runs the ordinary command line on the client's own standard
streams (:mod:`qa.resident.client`, :mod:`qa.resident.server`, :mod:`qa.resident.child`).
"""
