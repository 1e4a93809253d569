#!/bin/sh
# proxsmtp FilterCommand that passes every message after 4 s (a scanner at work), within the
# FilterTimeout it is given (10 s): slower than the 2 s `timeout server` of HAProxy's
# timeout-server path in front of it.
sleep 4
cat
