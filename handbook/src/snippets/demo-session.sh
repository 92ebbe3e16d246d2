# Start three nodes and the nanoswitch; leave this running in its own terminal.
bazel run //metropolis:launch-cluster

# In a second terminal, use the wrapper the launcher printed:
./metroctl.sh node list
./metroctl.sh node describe
