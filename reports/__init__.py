"""Country and regional reports in PDF and Excel, built in the background from what the requester may read.

Direction: site -> reports -> library_pages -> dsm_data (a report holds documents as well as figures).
"""
